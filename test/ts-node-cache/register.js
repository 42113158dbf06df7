/**
 * `node -r <this file> file.ts`: what `-r ts-node/register/transpile-only` does (same options, read from
 * tsconfig and TS_NODE_* as there), with the caching transpiler next to this file. See cached-transpiler.js.
 */
'use strict';
const path = require('path');

require('ts-node').register({ transpileOnly: true, transpiler: path.join(__dirname, 'cached-transpiler.js') });
