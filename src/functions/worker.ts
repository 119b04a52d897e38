/**
 * Entry of functions-worker.js: answers requests from `offload` by running the same `functionsById` that
 * Excel's registered functions would run inline.
 */
import "./workerGlobals";
import { functionsById } from "./index";
import { handleRequest, type WorkerRequest } from "./offload";

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(handleRequest(functionsById as Record<string, (...args: any[]) => unknown>, event.data));
