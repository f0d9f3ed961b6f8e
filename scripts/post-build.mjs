// Trunk post-build hook. Trunk runs the hooks of one stage side by side, so the steps that
// depend on each other are chained here: the Content-Security-Policy goes into index.html
// first, then the service worker's precache list hashes the final files. A split build
// (`make dist`) is first cut into its chunks (scripts/split.mjs).
import { addPolicy } from './csp.mjs';
import { writePrecache } from './precache.mjs';
import { split, splitBuild } from './split.mjs';

// Dev builds carry Trunk's reload script and are never cached by the service worker.
if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (splitBuild()) console.log(`post-build: split into the first load and ${split(dir).length} chunks`);
  addPolicy(dir);
  const { hash, files, onDemand } = writePrecache(dir);
  console.log(`post-build: policy added; precache list of ${files} files, build ${hash}; ${onDemand} files on demand apart`);
}
