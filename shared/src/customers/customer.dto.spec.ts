import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { TicketListQueryDto } from '../tickets/ticket.dto';
import { CreateCustomerDto, UpdateCustomerDto } from './customer.dto';

const fields = (cls: new () => object, input: object) =>
  validateSync(plainToInstance(cls, input), { whitelist: true, forbidNonWhitelisted: true }).map(
    (e) => e.property,
  );

describe('customer input', () => {
  it('needs a phone to create, trims and lower-cases tags', () => {
    expect(fields(CreateCustomerDto, {})).toEqual(['phone']);
    const dto = plainToInstance(CreateCustomerDto, {
      phone: '4155550123',
      tags: [' VIP ', 'vip', 'Gold'],
    });
    expect(dto.tags).toEqual(['vip', 'gold']);
  });

  it('lets an update leave the phone out but not set it to null', () => {
    expect(fields(UpdateCustomerDto, { firstName: 'Ada' })).toEqual([]);
    expect(fields(UpdateCustomerDto, { phone: null })).toEqual(['phone']);
  });

  it('rejects unknown fields and bad values', () => {
    expect(
      fields(CreateCustomerDto, {
        phone: '+14155550123',
        tenantId: 'x',
        email: 'nope',
        timezone: 'Mars/X',
      }),
    ).toEqual(['tenantId', 'email', 'timezone']);
  });
});

describe('list filters', () => {
  it('accepts comma-separated values', () => {
    const dto = plainToInstance(TicketListQueryDto, { status: 'open,in_progress', limit: '50' });
    expect(dto.status).toEqual(['open', 'in_progress']);
    expect(dto.limit).toBe(50);
    expect(fields(TicketListQueryDto, { status: 'open,bogus' })).toEqual(['status']);
  });
});
