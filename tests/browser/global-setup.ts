import { ensureWebBuild } from '../../services/web/tools/build.ts';

// The gateway serves services/web/dist: the browser tests need it current.
export default function setup() {
  ensureWebBuild((line) => console.log(line));
}
