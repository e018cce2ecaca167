CREATE TABLE "appointment_items" (
	"appointment_id" uuid NOT NULL,
	"service_id" integer NOT NULL,
	"persons" smallint NOT NULL,
	CONSTRAINT "appointment_items_appointment_id_service_id_pk" PRIMARY KEY("appointment_id","service_id"),
	CONSTRAINT "appointment_items_persons" CHECK ("appointment_items"."persons" >= 1)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'appointment' NOT NULL,
	"reference" text,
	"municipality_id" integer NOT NULL,
	"location_id" integer NOT NULL,
	"counter_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"needs" jsonb,
	"channel" text DEFAULT 'online' NOT NULL,
	"block_reason" text,
	"manage_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_reference_unique" UNIQUE("reference"),
	CONSTRAINT "appointments_time_order" CHECK ("appointments"."starts_at" < "appointments"."ends_at"),
	CONSTRAINT "appointments_status" CHECK ("appointments"."status" in ('held', 'booked', 'checked_in', 'serving', 'done', 'no_show', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "counter_services" (
	"counter_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	CONSTRAINT "counter_services_counter_id_service_id_pk" PRIMARY KEY("counter_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "counters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"name" text NOT NULL,
	"online_bookable" boolean DEFAULT true NOT NULL,
	"step_free" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "counters_location_name" UNIQUE("location_id","name")
);
--> statement-breakpoint
CREATE TABLE "location_services" (
	"location_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	CONSTRAINT "location_services_location_id_service_id_pk" PRIMARY KEY("location_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"accessibility" text[] DEFAULT '{}'::text[] NOT NULL,
	"grid_minutes" smallint DEFAULT 10 NOT NULL,
	CONSTRAINT "locations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "locations_grid_positive" CHECK ("locations"."grid_minutes" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "municipalities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'Europe/Amsterdam' NOT NULL,
	"widget_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"email_from" text NOT NULL,
	"phone" text NOT NULL,
	"website_url" text NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "opening_exceptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opening_exceptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"counter_id" integer,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"opens" time,
	"closes" time,
	"reason_nl" text NOT NULL,
	"reason_en" text NOT NULL,
	CONSTRAINT "opening_exceptions_kind" CHECK ("opening_exceptions"."kind" in ('closed', 'open')),
	CONSTRAINT "opening_exceptions_times" CHECK (("opening_exceptions"."opens" is null and "opening_exceptions"."closes" is null and "opening_exceptions"."kind" = 'closed') or ("opening_exceptions"."opens" < "opening_exceptions"."closes"))
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opening_hours_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"counter_id" integer,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	"valid_from" date,
	"valid_until" date,
	CONSTRAINT "opening_hours_weekday" CHECK ("opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "opening_hours_order" CHECK ("opening_hours"."opens" < "opening_hours"."closes")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "services_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"minutes_per_person" smallint NOT NULL,
	"fixed_minutes" smallint DEFAULT 0 NOT NULL,
	"max_persons" smallint DEFAULT 1 NOT NULL,
	"bring_nl" text[] DEFAULT '{}'::text[] NOT NULL,
	"bring_en" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_notice_minutes" integer DEFAULT 60 NOT NULL,
	"horizon_days" integer DEFAULT 60 NOT NULL,
	"combinable_with" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "services_municipality_slug" UNIQUE("municipality_id","slug"),
	CONSTRAINT "services_minutes_positive" CHECK ("services"."minutes_per_person" >= 0 and "services"."fixed_minutes" >= 0 and "services"."minutes_per_person" + "services"."fixed_minutes" > 0),
	CONSTRAINT "services_max_persons_positive" CHECK ("services"."max_persons" >= 1)
);
--> statement-breakpoint
ALTER TABLE "appointment_items" ADD CONSTRAINT "appointment_items_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_items" ADD CONSTRAINT "appointment_items_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_services" ADD CONSTRAINT "location_services_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_services" ADD CONSTRAINT "location_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_exceptions" ADD CONSTRAINT "opening_exceptions_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_exceptions" ADD CONSTRAINT "opening_exceptions_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_location_time" ON "appointments" USING btree ("location_id","starts_at");--> statement-breakpoint
CREATE INDEX "opening_exceptions_location_date" ON "opening_exceptions" USING btree ("location_id","date");--> statement-breakpoint
CREATE INDEX "opening_hours_location" ON "opening_hours" USING btree ("location_id");