/** Detecting the input form from the text itself. */
import type { InputForm } from '../core/types.js'

const HTML_START = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<table[\s>])/i
const MD_HEADING = /^#{1,6}[ \t]/m
const MD_EMPHASIS = /\*\*[^*\n]{1,80}\*\*/
const PIPE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m

/**
 * Guess the form of a plan text: `html` (a web page), `markdown`,
 * `web-text` (paragraphs run together on very long lines), `pdf-text`
 * (hard-wrapped lines) or `plain`.
 */
export function detectForm(input: string): InputForm {
  const head = input.slice(0, 4096)
  if (HTML_START.test(head) || countTags(head) > 20 || tagDense(input.slice(0, 16_384))) return 'html'
  const sample = input.slice(0, 200_000)
  if (MD_HEADING.test(sample) || PIPE_DELIMITER.test(sample) || MD_EMPHASIS.test(sample)) return 'markdown'
  let lines = 0
  let long = 0
  let start = 0
  for (let i = 0; i <= sample.length; i++) {
    if (i === sample.length || sample.charCodeAt(i) === 0x0a) {
      if (i - start > 0) {
        lines++
        if (i - start > 300) long++
      }
      start = i + 1
    }
  }
  if (lines > 0 && long / lines > 0.3 && /[\u3000]{2}|[ ]{3}/.test(sample)) return 'web-text'
  return lines >= 10 ? 'pdf-text' : 'plain'
}

/**
 * A page without its `<html>` (a fragment saved in a database, a SQL dump
 * of one): block tags are frequent, at least one per 300 characters.
 */
function tagDense(sample: string): boolean {
  let n = 0
  const re = /<\/?(?:p|div|br|td|tr|table|h[1-6]|li)\b[^<>]{0,200}>/gi
  while (re.exec(sample)) n++
  return n >= 4 && n * 300 >= sample.length
}

function countTags(s: string): number {
  let n = 0
  const re = /<\/?(?:p|div|span|br|td|tr|table|h[1-6]|li|strong|b)\b[^>]{0,200}>/gi
  while (re.exec(s) && n < 100) n++
  return n
}
