import { printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';

// jsonc-parser declares its codes as a const enum, which isolated modules cannot read: go by name.
const WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name is missing',
  ValueExpected: 'a value is missing',
  ColonExpected: 'a colon is missing',
  CommaExpected: 'a comma is missing',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'unexpected text after the end of the record',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'a control character inside a string',
  InvalidCommentToken: 'invalid comment',
};

/** jsonc-parser's error codes in words a person can act on. */
export function parseErrorText(code: ParseErrorCode): string {
  return WORDS[printParseErrorCode(code)] ?? 'invalid JSON';
}
