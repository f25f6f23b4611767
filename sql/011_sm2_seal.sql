-- 011: SM2 sealing (issue 8). A TOTP secret sealed with an SM2 identity key (alg 4: the SM2
-- ciphertext in DER, of an SM3 digest and the 20-byte secret) takes up to 166 bytes, more than
-- the 128 the column had. report_identity.sealed (4096 bytes) has room for any identity.
ALTER TABLE staff MODIFY totp_secret VARBINARY(256) NULL;

INSERT INTO schema_version (version, name) VALUES (11, '011_sm2_seal');
