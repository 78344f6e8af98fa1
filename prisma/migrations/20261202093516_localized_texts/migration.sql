-- Every text an admin writes becomes one JSONB object per text, `{"it": "...", "en": "...", ...}`
-- (contract/lang.ts, LocalizedText): Italian always, other languages when translated. The Italian
-- and English columns are moved into it, a blank English is left out (it falls back), and the old
-- columns are dropped. An empty Italian with an English text keeps the English as Italian too.

-- Office: "name" (Italian) and "nameEn"
ALTER TABLE "Office" ALTER COLUMN "name" SET DATA TYPE JSONB
  USING jsonb_strip_nulls(jsonb_build_object('it', COALESCE(NULLIF(btrim("name"), ''), "nameEn"), 'en', NULLIF(btrim("nameEn"), '')));
ALTER TABLE "Office" DROP COLUMN "nameEn";

-- Category
ALTER TABLE "Category" ADD COLUMN "name" JSONB;
UPDATE "Category"
  SET "name" = jsonb_strip_nulls(jsonb_build_object('it', COALESCE(NULLIF(btrim("nameIt"), ''), "nameEn"), 'en', NULLIF(btrim("nameEn"), '')));
ALTER TABLE "Category" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "Category" DROP COLUMN "nameIt", DROP COLUMN "nameEn";

-- Service
ALTER TABLE "Service" ADD COLUMN "name" JSONB;
UPDATE "Service"
  SET "name" = jsonb_strip_nulls(jsonb_build_object('it', COALESCE(NULLIF(btrim("nameIt"), ''), "nameEn"), 'en', NULLIF(btrim("nameEn"), '')));
ALTER TABLE "Service" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "Service" DROP COLUMN "nameIt", DROP COLUMN "nameEn";

-- Kiosk: no hint in either language = null
ALTER TABLE "Kiosk" ADD COLUMN "locationHint" JSONB;
UPDATE "Kiosk"
  SET "locationHint" = jsonb_strip_nulls(jsonb_build_object(
    'it', COALESCE(NULLIF(btrim("locationHintIt"), ''), btrim("locationHintEn")),
    'en', NULLIF(btrim("locationHintEn"), '')))
  WHERE btrim("locationHintIt") <> '' OR btrim("locationHintEn") <> '';
ALTER TABLE "Kiosk" DROP COLUMN "locationHintIt", DROP COLUMN "locationHintEn";

-- Display: tickerEn[i] translated tickerIt[i]; one object per message now
ALTER TABLE "Display" ADD COLUMN "ticker" JSONB NOT NULL DEFAULT '[]';
UPDATE "Display" d
  SET "ticker" = COALESCE(
    (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('it', m.it, 'en', NULLIF(btrim(d."tickerEn"[m.i]), ''))) ORDER BY m.i)
       FROM unnest(d."tickerIt") WITH ORDINALITY AS m(it, i)),
    '[]');
ALTER TABLE "Display" DROP COLUMN "tickerIt", DROP COLUMN "tickerEn";

-- Closure reason and patron saint's name: blank = null
ALTER TABLE "Closure" ALTER COLUMN "reason" DROP DEFAULT;
ALTER TABLE "Closure" ALTER COLUMN "reason" DROP NOT NULL;
ALTER TABLE "Closure" ALTER COLUMN "reason" SET DATA TYPE JSONB
  USING CASE WHEN btrim("reason") = '' THEN NULL ELSE jsonb_build_object('it', btrim("reason")) END;

ALTER TABLE "PatronDay" ALTER COLUMN "name" DROP DEFAULT;
ALTER TABLE "PatronDay" ALTER COLUMN "name" DROP NOT NULL;
ALTER TABLE "PatronDay" ALTER COLUMN "name" SET DATA TYPE JSONB
  USING CASE WHEN btrim("name") = '' THEN NULL ELSE jsonb_build_object('it', btrim("name")) END;
