import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `POST /auth/login`. */
export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  password!: string;
}

/** The answer of `POST /auth/login`. */
export class AccessTokenDto {
  /** A bearer token for `Authorization: Bearer …`. */
  @ApiProperty()
  accessToken!: string;

  /** Seconds until it expires. */
  @ApiProperty({ example: 28800 })
  expiresIn!: number;
}
