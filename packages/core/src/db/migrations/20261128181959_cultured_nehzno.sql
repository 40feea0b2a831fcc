ALTER TABLE "attachments" ADD COLUMN "extraction_failure" text;--> statement-breakpoint
-- Rows failed before the code existed: recognise the messages the code wrote until now; any other
-- failed row keeps no code and is shown with the generic message.
UPDATE "attachments" SET "extraction_failure" = CASE
  WHEN "extraction_error" = 'The file was deleted at the respondent’s request.' THEN 'deleted_on_request'
  WHEN "extraction_error" LIKE 'The PDF is encrypted%' THEN 'encrypted'
  WHEN "extraction_error" = 'The PDF is damaged or not a valid PDF.' THEN 'damaged'
  WHEN "extraction_error" = 'The file type is not supported for text extraction.' THEN 'unsupported_type'
  WHEN "extraction_error" LIKE 'Reading the PDF took longer than%' THEN 'timed_out'
END
WHERE "extraction_status" = 'failed' AND "extraction_failure" IS NULL;
