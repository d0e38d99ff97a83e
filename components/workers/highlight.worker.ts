import { highlightJob } from "./handlers/highlight";
import { serveJobs } from "./serve-jobs";

serveJobs({ highlight: highlightJob });
