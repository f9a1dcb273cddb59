/** Atomic output files: write a temporary file beside the target, then rename. */
import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** A temporary path in the same directory as `file` (same file system, so rename is atomic). */
export function temporaryPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID().slice(0, 8)}.tmp`)
}

/**
 * Write `data` to `file` so that readers see either the old file or the
 * complete new one, never a half-written file.
 */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = temporaryPathFor(file)
  try {
    await writeFile(temporary, data)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

const EXTENSIONS: Record<'json' | 'outline' | 'md', string> = { json: '.json', outline: '.outline.txt', md: '.md' }

/**
 * The output path of one input: its path relative to the inputs, under
 * `outDir`, with the format's extension added to the whole file name, so
 * that inputs differing only in extension never share an output:
 * `a/x.pdf` → `a/x.pdf.json`, `a/x.docx` → `a/x.docx.json`, `a/x.txt` →
 * `a/x.txt.json` (text inputs too: `x.txt` and `x.htm` may sit side by
 * side), `a/page` → `a/page.json`.
 */
export function outputPathFor(rel: string, format: 'json' | 'outline' | 'md', outDir: string): string {
  const parsed = path.parse(rel)
  return path.resolve(outDir, parsed.dir, parsed.base + EXTENSIONS[format])
}
