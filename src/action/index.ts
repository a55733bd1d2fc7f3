/** Action entry: only calls run(); main.ts owns the wiring and the one catch. */
import { run } from './main.js';

void run();
