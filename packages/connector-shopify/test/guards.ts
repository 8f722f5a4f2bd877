import { hasErrorCode } from '@cf/core';

export const isParsingError = (e: unknown): boolean => hasErrorCode(e, 'PARSING_ERROR');
