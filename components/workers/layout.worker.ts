import { layoutJob } from "./handlers/layout";
import { serveJobs } from "./serve-jobs";

serveJobs({ layout: layoutJob });
