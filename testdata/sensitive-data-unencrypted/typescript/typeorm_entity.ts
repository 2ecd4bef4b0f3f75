import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EncryptionTransformer } from "typeorm-encrypted";
import { IsString } from "class-validator";

@Entity()
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  // expect: sensitive-data-unencrypted
  @Column({ length: 11 })
  ssn: string;

  // expect: sensitive-data-unencrypted
  @Column({ type: "varchar", nullable: true })
  cardNumber: string | null;

  // expect: sensitive-data-unencrypted
  @Column()
  cvv: string;

  // ok: sensitive-data-unencrypted -- typeorm-encrypted encrypts it
  @Column({
    type: "varchar",
    transformer: new EncryptionTransformer({ key: process.env.KEY!, algorithm: "aes-256-gcm", ivLength: 16 }),
  })
  iban: string;

  // ok: sensitive-data-unencrypted -- ciphertext bytes
  @Column({ type: "bytea" })
  passportNumberEncrypted: Buffer;

  // ok: sensitive-data-unencrypted -- the last four digits
  @Column()
  cardLast4: string;

  // ok: sensitive-data-unencrypted -- a boolean
  @Column()
  ssnVerified: boolean;

  // ok: sensitive-data-unencrypted -- `expand` is not `pan`
  @Column()
  expand: string;
}

export class CreateCustomerDto {
  // ok: sensitive-data-unencrypted -- a request body, not a stored column
  @IsString()
  ssn: string;
}
