import { generateJob } from "./handlers/generate";
import { pictureJob } from "./handlers/picture";
import { starterZipJob } from "./handlers/starter-zip";
import { serveJobs } from "./serve-jobs";

serveJobs({ generate: generateJob, picture: pictureJob, "starter-zip": starterZipJob });
