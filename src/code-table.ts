/**
 * Character classes as tables by UTF-16 code. Hot loops read
 * `table[text.charCodeAt(i)]`: no one-character string per CJK character
 * (`text[i]` makes one), no hash probe (a `Set` lookup), and an index past
 * the end of the text (`charCodeAt` gives NaN) reads as not in the class.
 */

/** 1 at the code of each character of `chars` (characters of the Basic Multilingual Plane). */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const ch of chars) {
    if (ch.length !== 1) throw new RangeError(`codeTable: ${JSON.stringify(ch)} is outside the Basic Multilingual Plane`)
    table[ch.charCodeAt(0)] = 1
  }
  return table
}
