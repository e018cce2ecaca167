CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" integer NOT NULL,
	"counter_key" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason_nl" text NOT NULL,
	"reason_en" text NOT NULL,
	"affected" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_once" UNIQUE("location_id","counter_key","starts_at","ends_at"),
	CONSTRAINT "closures_time_order" CHECK ("closures"."starts_at" < "closures"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "location_services" ADD COLUMN "minutes_per_person" smallint;--> statement-breakpoint
ALTER TABLE "location_services" ADD COLUMN "fixed_minutes" smallint;--> statement-breakpoint
ALTER TABLE "location_services" ADD COLUMN "min_notice_minutes" integer;--> statement-breakpoint
ALTER TABLE "location_services" ADD COLUMN "horizon_days" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_services" ADD CONSTRAINT "location_services_settings" CHECK (coalesce("location_services"."minutes_per_person", 0) >= 0 and coalesce("location_services"."fixed_minutes", 0) >= 0
        and coalesce("location_services"."min_notice_minutes", 0) >= 0 and coalesce("location_services"."horizon_days", 1) >= 1);