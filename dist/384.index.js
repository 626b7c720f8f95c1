export const id = 384;
export const ids = [384];
export const modules = {

/***/ 1384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPOSE_DEFAULT_NAMES: () => (/* binding */ COMPOSE_DEFAULT_NAMES),
  locateServices: () => (/* binding */ locateServices),
  nodeFiles: () => (/* binding */ nodeFiles),
  resolveComposeFiles: () => (/* binding */ resolveComposeFiles)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __webpack_require__(1318);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/compose/lines.ts
// Finds the line of each service in a compose file, so an annotation about a service lands on its definition
// in the pull request diff. The yaml parser gives positions; Compose itself stays the authority on meaning.

function serviceLines(text) {
    const lines = new Map();
    const counter = new dist.LineCounter();
    let doc;
    try {
        doc = (0,dist.parseDocument)(text, { lineCounter: counter, uniqueKeys: false });
    }
    catch {
        return lines;
    }
    const services = doc.get('services', true);
    if (!(0,dist.isMap)(services))
        return lines;
    for (const pair of services.items) {
        const key = pair.key;
        if ((0,dist.isScalar)(key) && key.range) {
            lines.set(String(key.value), counter.linePos(key.range[0]).line);
        }
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/engine/files.ts
// Resolves compose files as Compose would, and reads where each service is defined. Runs before anything starts.




/** Compose's own order of default file names. */
const COMPOSE_DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const nodeFiles = {
    exists: (path) => (0,promises_.access)(path, promises_.constants.R_OK).then(() => true, () => false),
    readText: (path) => (0,promises_.readFile)(path, 'utf8'),
};
async function resolveComposeFiles(options, files, cwd) {
    const directory = (0,external_node_path_.isAbsolute)(options.workingDirectory) ? options.workingDirectory : (0,external_node_path_.resolve)(cwd, options.workingDirectory);
    if (!(await files.exists(directory))) {
        throw new errors/* InputError */.d([
            {
                input: 'working-directory',
                message: `'${options.workingDirectory}' does not exist.`,
                fix: 'Point it at the folder that holds the compose file.',
            },
        ]);
    }
    if (options.composeFileDefaulted) {
        const primary = (0,external_node_path_.resolve)(directory, options.composeFiles[0]);
        if (await files.exists(primary))
            return { directory, files: [primary] };
        for (const name of COMPOSE_DEFAULT_NAMES) {
            const candidate = (0,external_node_path_.resolve)(directory, name);
            if (await files.exists(candidate))
                return { directory, files: [candidate] };
        }
        throw new errors/* InputError */.d([
            {
                input: 'compose-file',
                message: `no compose file found in ${directory} (looked for ${COMPOSE_DEFAULT_NAMES.join(', ')}).`,
                fix: "Set 'compose-file' to your compose file, or 'working-directory' to the folder that holds it.",
            },
        ]);
    }
    const out = [];
    const missing = [];
    for (const f of options.composeFiles) {
        const path = (0,external_node_path_.resolve)(directory, f);
        if (await files.exists(path))
            out.push(path);
        else
            missing.push(f);
    }
    if (missing.length > 0) {
        throw new errors/* InputError */.d([
            {
                input: 'compose-file',
                message: `${missing.map((m) => `'${m}'`).join(', ')} not found or not readable in ${directory}.`,
                fix: "Check the path (it is relative to 'working-directory') and that the file is checked out.",
            },
        ]);
    }
    return { directory, files: out };
}
/** The first file that defines each service (an override file usually repeats services; the base defines them). */
async function locateServices(files, paths) {
    const out = {};
    for (const file of paths) {
        const text = await files.readText(file).catch(() => '');
        for (const [service, line] of serviceLines(text)) {
            if (!(service in out))
                out[service] = { file, line };
        }
    }
    return out;
}


/***/ })

};
