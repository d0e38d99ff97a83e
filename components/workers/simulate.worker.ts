import { simulateJob } from "./handlers/simulate";
import { serveJobs } from "./serve-jobs";

serveJobs({ simulate: simulateJob });
