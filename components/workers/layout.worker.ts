import { layoutJob } from "./handlers/layout";
import { routesJob } from "./handlers/routes";
import { serveJobs } from "./serve-jobs";

serveJobs({ layout: layoutJob, routes: routesJob });
