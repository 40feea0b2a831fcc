-- parent_id had no foreign key: a parent that is gone (or of another process) leaves the theme ungrouped.
UPDATE "themes" SET "parent_id" = NULL
WHERE "parent_id" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "themes" AS "parent"
    WHERE "parent"."id" = "themes"."parent_id" AND "parent"."process_id" = "themes"."process_id"
  );--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_parent_id_themes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "themes_parent_idx" ON "themes" USING btree ("parent_id");--> statement-breakpoint
-- Only strategic themes carry a number. The demo and the app number only strategic themes; an
-- imported candidate or dropped theme may have kept one: it loses it (nothing addresses themes by
-- number any more, and strategic themes keep theirs).
UPDATE "themes" SET "number" = NULL WHERE "stage" <> 'strategic' AND "number" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_number_only_strategic" CHECK ("themes"."number" is null or "themes"."stage" = 'strategic');
