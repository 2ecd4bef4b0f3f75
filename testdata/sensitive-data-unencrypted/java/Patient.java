package com.example.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.LocalDate;

@Entity
public class Patient {
    @Id
    private Long id;

    private String name;

    // expect: sensitive-data-unencrypted
    @Column(name = "ssn", length = 11)
    private String ssn;

    // expect: sensitive-data-unencrypted
    private String diagnosis;

    // ok: sensitive-data-unencrypted -- encrypted by an AttributeConverter on its way in
    @Convert(converter = AesEncryptionConverter.class)
    private String passportNumber;

    // ok: sensitive-data-unencrypted -- ciphertext in a binary column
    @Lob
    private byte[] taxIdCiphertext;

    // ok: sensitive-data-unencrypted -- a date about the diagnosis, not the diagnosis
    private LocalDate diagnosisDate;

    // ok: sensitive-data-unencrypted -- a flag, not the number
    private boolean ssnVerified;
}

@Entity
class StoredCard {
    @Id
    private Long id;

    // expect: sensitive-data-unencrypted
    private String cardNumber;

    // expect: sensitive-data-unencrypted
    @Convert(converter = CardCryptoConverter.class)
    private String cvv;

    // ok: sensitive-data-unencrypted -- the last four digits only
    private String cardLast4;
}

// ok: sensitive-data-unencrypted -- a transfer object, never persisted
class PatientDto {
    private String ssn;
}
