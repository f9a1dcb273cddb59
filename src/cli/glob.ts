/**
 * A small glob for quoted patterns (shells expand unquoted ones): `*`, `?`,
 * `[abc]`, `{a,b}` within a path segment and `**` across segments.
 */

const MAGIC = /[*?[{]/

/** True when `s` contains glob syntax. */
export function hasMagic(s: string): boolean {
  return MAGIC.test(s)
}

/**
 * Split a pattern into the directory to walk (the segments before the
 * first one with glob syntax) and the rest.
 */
export function splitPattern(pattern: string): { base: string; rest: string } {
  const parts = pattern.replace(/\\/g, '/').split('/')
  const i = parts.findIndex((p) => hasMagic(p))
  if (i === -1) return { base: pattern, rest: '' }
  const baseParts = parts.slice(0, i)
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/'
  return { base, rest: parts.slice(i).join('/') }
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c
}

/** One path segment of a pattern as a regular-expression source. */
function segmentSource(segment: string): string {
  let out = ''
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!
    if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2)
      if (end === -1) out += '\\['
      else {
        let body = segment.slice(i + 1, end)
        if (body.startsWith('!')) body = `^${body.slice(1)}`
        out += `[${body.replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else if (c === '{') {
      const end = segment.indexOf('}', i)
      if (end === -1) out += '\\{'
      else {
        out += `(?:${segment.slice(i + 1, end).split(',').map(segmentSource).join('|')})`
        i = end
      }
    } else out += escape(c)
  }
  return out
}

/** A pattern relative to its base as a regular expression over `/`-separated paths. */
export function globToRegExp(rest: string): RegExp {
  const parts = rest.split('/').filter((p) => p !== '')
  let source = ''
  parts.forEach((part, i) => {
    const last = i === parts.length - 1
    if (part === '**') source += last ? '.*' : '(?:[^/]+/)*'
    else source += segmentSource(part) + (last ? '' : '/')
  })
  return new RegExp(`^${source}$`, 'u')
}
