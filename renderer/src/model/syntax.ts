// Quick JSON syntax check for live preview: the native parser decides, jsonc-parser only
// runs on failure to say where.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface SyntaxError { message: string; offset: number; length: number; line: number; column: number }

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: offset - lastBreak };
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace expected',
  CloseBracketExpected: 'Closing bracket expected',
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unexpected end of string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode sequence',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

export function jsonSyntaxErrors(text: string): SyntaxError[] {
  try {
    JSON.parse(text);
    return [];
  } catch {
    // fall through to locate the problem
  }
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) {
    // The native parser is stricter in a few corners (e.g. control characters in strings).
    return [{ message: 'Invalid JSON', offset: 0, length: 0, line: 1, column: 1 }];
  }
  return errors.slice(0, 20).map((e) => {
    const code = printParseErrorCode(e.error);
    return { message: MESSAGES[code] ?? code, offset: e.offset, length: e.length, ...lineColumn(text, e.offset) };
  });
}
