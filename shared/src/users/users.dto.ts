import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from '../auth/password.validator';
import { Role } from '../auth/roles';
import { normaliseEmail, trimString } from '../common/transforms';
import { IsOmittable } from '../common/validators';

export class CreateUserDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @IsEnum(Role, { message: 'role must be one of owner, admin, agent, viewer' })
  role!: Role;

  /** Initial password set by the admin; the member must change it at first login. */
  @IsString()
  @IsAcceptablePassword()
  password!: string;
}

export class UpdateUserDto {
  @IsOmittable()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @IsOmittable()
  @IsEnum(Role, { message: 'role must be one of owner, admin, agent, viewer' })
  role?: Role;
}
