// Go's encoding/json string encoding (json.Marshal escapes <, >, &, U+2028 and U+2029).
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
