/**
 * ELK's layout engine as a worker: elkjs's worker build installs ELK's own message dispatcher on `self` when it
 * loads without a document; the page talks to it through elk-api.
 */
import "elkjs/lib/elk-worker.min.js";
