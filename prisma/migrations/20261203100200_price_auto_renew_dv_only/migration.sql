-- OV and EV certificates need the organisation validated again at every renewal (an
-- administrator's review), so they are never auto-renewed: no OV/EV product may offer it.
UPDATE "Price" SET "autoRenewSupported" = false WHERE "certificateType" <> 'DV' AND "autoRenewSupported";
ALTER TABLE "Price" ADD CONSTRAINT "Price_auto_renew_dv_only" CHECK ("certificateType" = 'DV' OR NOT "autoRenewSupported");
