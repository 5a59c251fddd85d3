import { CommonErrorCode } from '@navaia/shared';
import { BadRequestException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { errorBody, mapError } from './exception.filter';

const pgError = (code: string) =>
  new QueryFailedError('SELECT', [], Object.assign(new Error('pg'), { code }));

describe('error mapping', () => {
  it('keeps an application exception as it is', () => {
    const mapped = mapError(
      new AppException(409, CommonErrorCode.Conflict, 'Taken', [
        { field: 'email', message: 'taken' },
      ]),
    );
    expect(errorBody(mapped, 'req-1')).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'conflict',
      message: 'Taken',
      details: [{ field: 'email', message: 'taken' }],
      requestId: 'req-1',
    });
  });

  it('turns bad input that reached PostgreSQL into 4xx, never 500', () => {
    expect(mapError(pgError('23505')).statusCode).toBe(409);
    expect(mapError(pgError('22P02')).statusCode).toBe(400);
    expect(mapError(pgError('23514')).statusCode).toBe(400);
  });

  it('keeps framework HTTP errors', () => {
    expect(mapError(new BadRequestException('Bad JSON'))).toMatchObject({
      statusCode: 400,
      message: 'Bad JSON',
    });
  });

  it('hides the details of real faults behind a 500', () => {
    expect(mapError(new Error('connection string with a password'))).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side',
    });
  });
});
