package models

import (
	"time"

	"gorm.io/gorm"
)

type Customer struct {
	gorm.Model
	Name string
	// expect: sensitive-data-unencrypted
	SSN string `gorm:"size:11"`
	// expect: sensitive-data-unencrypted
	TaxID *string
	// ok: sensitive-data-unencrypted -- ciphertext in a binary column
	PassportNumberEncrypted []byte
	// ok: sensitive-data-unencrypted -- a flag about the data, not the data
	SSNVerified bool
	// ok: sensitive-data-unencrypted -- the last four digits only
	CardLast4 string
	// ok: sensitive-data-unencrypted -- a custom type that encrypts on save
	Iban EncryptedString
	// ok: sensitive-data-unencrypted -- a date about the passport
	PassportExpiry time.Time
}

type Payment struct {
	ID uint `gorm:"primaryKey"`
	// expect: sensitive-data-unencrypted
	CardNumber string `gorm:"column:card_number;type:varchar(19)"`
	// expect: sensitive-data-unencrypted
	CVV string `gorm:"column:cvv"`
	// ok: sensitive-data-unencrypted -- the processor's token
	PaymentMethodID string `gorm:"index"`
}

type Account struct {
	ID int64 `db:"id"`
	// expect: sensitive-data-unencrypted
	AccountNumber string `db:"account_number"`
	// expect: sensitive-data-unencrypted
	RoutingNumber string `db:"routing_number"`
}

// ok: sensitive-data-unencrypted -- a request body, not a stored model
type TransferRequest struct {
	AccountNumber string `json:"account_number"`
}

// EncryptedString encrypts with the KMS data key before it is written.
type EncryptedString string
