import { validateJob } from "./handlers/validate";
import { serveJobs } from "./serve-jobs";

serveJobs({ validate: validateJob });
