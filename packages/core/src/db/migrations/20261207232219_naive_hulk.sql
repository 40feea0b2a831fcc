ALTER TABLE "segments" DROP CONSTRAINT "segments_attachment_id_attachments_id_fk";
--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "replaced_by_segment_id" uuid;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_replaced_by_segment_id_segments_id_fk" FOREIGN KEY ("replaced_by_segment_id") REFERENCES "public"."segments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "segments_answer_idx" ON "segments" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "segments_attachment_idx" ON "segments" USING btree ("attachment_id");