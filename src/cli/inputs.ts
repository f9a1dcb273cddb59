/** Expanding the PATH arguments into the list of input files, in order. */
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { globToRegExp, hasMagic, splitPattern } from './glob.js'

/** One input to convert. */
export interface InputFile {
  /** Path to read, or `-` for stdin. */
  path: string
  /** The path as shown in messages and in the output's `source.path`. */
  display: string
  /** Path relative to the output directory, before the extension is changed. */
  rel: string
}

/** An argument that yields no file. */
export interface InputProblem {
  display: string
  reason: string
}

export interface Expansion {
  files: InputFile[]
  problems: InputProblem[]
}

export interface ExpandOptions {
  /** A directory never to walk into (the output directory). */
  exclude?: string
  cwd?: string
}

/**
 * Extensions a directory walk picks up: the text forms plan2json reads,
 * pages saved from web sites, files without extension, PDF and Word .docx
 * files (converted through their text layer), and the other document,
 * image and archive forms that plans are also published in (those are
 * reported as failures naming what they are, so that a researcher sees
 * what was left out).
 * Everything else in a folder (outputs such as .json or .csv, scripts,
 * styles) is ignored. Files named explicitly or matched by a glob are
 * always read.
 */
export const WALKED_EXTENSIONS: ReadonlySet<string> = new Set([
  '', '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.shtml', '.asp', '.aspx', '.php', '.jsp',
  '.pdf', '.doc', '.docx', '.wps', '.rtf', '.xls', '.xlsx', '.et', '.ppt', '.pptx', '.odt', '.ofd', '.caj',
  '.zip', '.rar', '.7z', '.gz', '.png', '.jpg', '.jpeg', '.gif', '.tif', '.tiff', '.bmp', '.webp',
])

/** `readdir` order is not defined; sort by code unit for a stable run order. */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'too many levels of symbolic links'
    default:
      return e.message ?? String(error)
  }
}

/**
 * Expand files, directories (recursively, skipping hidden entries), glob
 * patterns and `-` into input files. Arguments that yield nothing are
 * returned as problems rather than thrown, so one bad path never stops a
 * batch. Each file is listed once, at its first occurrence.
 */
export async function expandInputs(args: readonly string[], options: ExpandOptions = {}): Promise<Expansion> {
  const cwd = options.cwd ?? process.cwd()
  const exclude = options.exclude ? path.resolve(cwd, options.exclude) : undefined
  const files: InputFile[] = []
  const problems: InputProblem[] = []
  const seen = new Set<string>()

  const relFor = (file: string, base: string): string => {
    const r = path.relative(cwd, file)
    if (r && !r.startsWith('..') && !path.isAbsolute(r)) return r
    const fromBase = path.relative(base, file)
    return fromBase ? path.join(path.basename(base), fromBase) : path.basename(file)
  }
  const add = (absolute: string, display: string, base: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({ path: absolute, display, rel: relFor(absolute, base) })
  }

  /** Walk a directory; `match` filters paths relative to `root`. */
  const walk = async (dir: string, root: string, shownRoot: string, match: RegExp | undefined, visited: Set<string>) => {
    let real: string
    try {
      real = await realpath(dir)
    } catch (error) {
      problems.push({ display: path.join(shownRoot, path.relative(root, dir)), reason: reason(error) })
      return
    }
    if (visited.has(real) || (exclude && real === exclude)) return
    visited.add(real)
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      problems.push({ display: path.join(shownRoot, path.relative(root, dir)), reason: reason(error) })
      return
    }
    entries.sort(byName)
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      const relative = path.relative(root, full).split(path.sep).join('/')
      const shown = path.join(shownRoot, relative)
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        try {
          const s = await stat(full)
          isDir = s.isDirectory()
          isFile = s.isFile()
        } catch (error) {
          if (!match || match.test(relative)) problems.push({ display: shown, reason: `unreadable: ${reason(error)}` })
          continue
        }
      }
      if (isDir) {
        if (exclude && path.resolve(full) === exclude) continue
        await walk(full, root, shownRoot, match, visited)
      } else if (isFile && (match ? match.test(relative) : WALKED_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))) {
        add(path.resolve(full), shown, root)
      }
    }
  }

  for (const arg of args) {
    if (arg === '-') {
      files.push({ path: '-', display: '-', rel: 'stdin' })
      continue
    }
    const absolute = path.resolve(cwd, arg)
    let info
    try {
      info = await stat(absolute)
    } catch (error) {
      if (hasMagic(arg)) {
        const { base, rest } = splitPattern(arg)
        const before = files.length + problems.length
        const baseAbs = path.resolve(cwd, base)
        await walk(baseAbs, baseAbs, base, globToRegExp(rest), new Set())
        if (files.length + problems.length === before) problems.push({ display: arg, reason: 'no files match this pattern' })
        continue
      }
      problems.push({ display: arg, reason: reason(error) })
      continue
    }
    if (info.isDirectory()) await walk(absolute, absolute, arg, undefined, new Set())
    else add(absolute, arg, absolute)
  }
  return { files, problems }
}
