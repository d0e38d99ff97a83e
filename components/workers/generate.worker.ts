import { generateJob } from "./handlers/generate";
import { starterZipJob } from "./handlers/starter-zip";
import { serveJobs } from "./serve-jobs";

serveJobs({ generate: generateJob, "starter-zip": starterZipJob });
