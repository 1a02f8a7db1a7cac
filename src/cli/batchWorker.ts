import { parentPort, workerData } from "worker_threads";
import type { Profile } from "../core/profile";
import { checkFile, type FileJob } from "./checkFile";

// One of the batch's worker threads: takes file jobs, answers with their outcomes.
const profile = (workerData as { profile: Profile }).profile;
parentPort?.on("message", (job: FileJob) => {
  void checkFile(job, profile).then((outcome) => parentPort?.postMessage(outcome));
});
