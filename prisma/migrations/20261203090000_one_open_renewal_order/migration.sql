-- At most one order renewing a certificate (OV/EV, renewed by hand through the order form)
-- that is paid or issued: a second one, however concurrent, fails here. A canceled or
-- timed-out renewal order frees the certificate for another.
CREATE UNIQUE INDEX "CertificateOrder_one_renewal_per_certificate" ON "CertificateOrder"("renewsCertificateId")
  WHERE "status" IN ('PAID', 'ISSUED');
