CREATE TABLE "childcare_places" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" integer NOT NULL,
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"places" integer NOT NULL,
	"inclusive_places" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "death" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"death_date" date NOT NULL,
	"birth_date" date,
	"age_years" integer NOT NULL,
	"sex" text NOT NULL,
	"underlying_cause_icd10" text NOT NULL,
	"maternal" boolean DEFAULT false NOT NULL,
	"place" text NOT NULL,
	"source_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"source_ref" text NOT NULL,
	"name" text NOT NULL,
	"facility_type" text NOT NULL,
	"grade" text,
	"ownership" text NOT NULL,
	"consortium" text,
	"valid_from" integer NOT NULL,
	"valid_to" integer
);
--> statement-breakpoint
CREATE TABLE "facility_beds" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" integer NOT NULL,
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"department" text NOT NULL,
	"approved" integer,
	"actual" integer
);
--> statement-breakpoint
CREATE TABLE "health_worker" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"facility_id" integer NOT NULL,
	"person_ref" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" integer,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"employed_from" integer NOT NULL,
	"employed_to" integer
);
--> statement-breakpoint
CREATE TABLE "live_birth" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"birth_weight_g" integer,
	"mother_age" integer,
	"source_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population_aggregate" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"residence" text NOT NULL,
	"sex" text NOT NULL,
	"age_start" integer NOT NULL,
	"age_end" integer,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "childcare_places_unique" ON "childcare_places" USING btree ("facility_id","year");--> statement-breakpoint
CREATE INDEX "childcare_places_year_idx" ON "childcare_places" USING btree ("county_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "death_source_unique" ON "death" USING btree ("county_code","source_ref");--> statement-breakpoint
CREATE INDEX "death_date_idx" ON "death" USING btree ("county_code","death_date","org_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_source_unique" ON "facility" USING btree ("county_code","source_ref");--> statement-breakpoint
CREATE INDEX "facility_county_idx" ON "facility" USING btree ("county_code","facility_type");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_beds_unique" ON "facility_beds" USING btree ("facility_id","year","department");--> statement-breakpoint
CREATE INDEX "facility_beds_year_idx" ON "facility_beds" USING btree ("county_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "health_worker_unique" ON "health_worker" USING btree ("county_code","person_ref","facility_id","employed_from");--> statement-breakpoint
CREATE INDEX "health_worker_facility_idx" ON "health_worker" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "health_worker_county_idx" ON "health_worker" USING btree ("county_code","employed_from");--> statement-breakpoint
CREATE UNIQUE INDEX "live_birth_source_unique" ON "live_birth" USING btree ("county_code","source_ref");--> statement-breakpoint
CREATE INDEX "live_birth_date_idx" ON "live_birth" USING btree ("county_code","birth_date","org_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "population_aggregate_unique" ON "population_aggregate" USING btree ("county_code","org_unit_code","year","residence","sex","age_start");--> statement-breakpoint
CREATE INDEX "population_aggregate_year_idx" ON "population_aggregate" USING btree ("county_code","year","residence");