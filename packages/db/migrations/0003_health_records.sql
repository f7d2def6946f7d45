CREATE TABLE "diagnosis" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"encounter_id" bigint,
	"icd10" text NOT NULL,
	"name" text NOT NULL,
	"diagnosed_date" date NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encounter" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"facility_id" integer,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"department" text,
	"clinician" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_doctor_contract" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"team_id" integer NOT NULL,
	"package_id" integer NOT NULL,
	"signed_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"terminated_date" date,
	"termination_reason" text,
	"renews_contract_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_doctor_team" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"name" text NOT NULL,
	"facility_id" integer,
	"township_code" text NOT NULL,
	"area_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_doctor_team_member" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"team_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"health_worker_id" integer,
	"user_id" integer,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"enrolment_id" bigint NOT NULL,
	"program" text NOT NULL,
	"kind" text NOT NULL,
	"visit_date" date NOT NULL,
	"facility_id" integer,
	"doctor" text,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"controlled" boolean,
	"referral" boolean DEFAULT false NOT NULL,
	"next_visit_date" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"household_number" text NOT NULL,
	"township_code" text NOT NULL,
	"village_code" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"encounter_id" bigint,
	"category" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"observed_date" date NOT NULL,
	"value_number" double precision,
	"value_text" text,
	"unit" text,
	"reference_range" text,
	"abnormal" text
);
--> statement-breakpoint
CREATE TABLE "prescription" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"encounter_id" bigint,
	"prescribed_date" date NOT NULL,
	"drug_name" text NOT NULL,
	"dose" text,
	"frequency" text,
	"route" text,
	"days" integer
);
--> statement-breakpoint
CREATE TABLE "program_enrolment" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"program" text NOT NULL,
	"enrolled_date" date NOT NULL,
	"ended_date" date,
	"end_reason" text,
	"facility_id" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"id_type" text NOT NULL,
	"id_number_cipher" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone" text,
	"township_code" text NOT NULL,
	"village_code" text,
	"household_id" bigint,
	"household_relation" text,
	"record_date" date,
	"record_status" text DEFAULT 'active' NOT NULL,
	"status_date" date,
	"death_date" date,
	"record_facility_id" integer,
	"merged_into_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_flag" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"flag" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "service_package" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"annual_fee" double precision DEFAULT 0 NOT NULL,
	"target_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vaccination" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"resident_id" bigint NOT NULL,
	"vaccine" text NOT NULL,
	"dose" integer NOT NULL,
	"vaccinated_date" date NOT NULL,
	"facility_id" integer,
	"lot_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "diagnosis_resident_idx" ON "diagnosis" USING btree ("resident_id","diagnosed_date");--> statement-breakpoint
CREATE INDEX "encounter_resident_idx" ON "encounter" USING btree ("resident_id","start_date");--> statement-breakpoint
CREATE INDEX "family_doctor_contract_resident_idx" ON "family_doctor_contract" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "family_doctor_contract_team_idx" ON "family_doctor_contract" USING btree ("county_code","team_id","end_date");--> statement-breakpoint
CREATE INDEX "family_doctor_contract_period_idx" ON "family_doctor_contract" USING btree ("county_code","start_date","end_date");--> statement-breakpoint
CREATE INDEX "family_doctor_team_county_idx" ON "family_doctor_team" USING btree ("county_code","township_code");--> statement-breakpoint
CREATE INDEX "family_doctor_team_member_team_idx" ON "family_doctor_team_member" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_unique" ON "follow_up" USING btree ("county_code","enrolment_id","kind","visit_date");--> statement-breakpoint
CREATE INDEX "follow_up_date_idx" ON "follow_up" USING btree ("county_code","visit_date");--> statement-breakpoint
CREATE INDEX "follow_up_resident_idx" ON "follow_up" USING btree ("resident_id","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "household_number_unique" ON "household" USING btree ("county_code","household_number");--> statement-breakpoint
CREATE INDEX "observation_resident_idx" ON "observation" USING btree ("resident_id","observed_date");--> statement-breakpoint
CREATE INDEX "prescription_resident_idx" ON "prescription" USING btree ("resident_id","prescribed_date");--> statement-breakpoint
CREATE INDEX "program_enrolment_resident_idx" ON "program_enrolment" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "program_enrolment_county_idx" ON "program_enrolment" USING btree ("county_code","program","enrolled_date");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_id_number_unique" ON "resident" USING btree ("county_code","id_number_hash") WHERE merged_into_id is null and id_number_hash is not null;--> statement-breakpoint
CREATE INDEX "resident_area_idx" ON "resident" USING btree ("county_code","township_code","village_code");--> statement-breakpoint
CREATE INDEX "resident_name_idx" ON "resident" USING btree ("county_code","name");--> statement-breakpoint
CREATE INDEX "resident_phone_idx" ON "resident" USING btree ("county_code","phone");--> statement-breakpoint
CREATE INDEX "resident_household_idx" ON "resident" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "resident_flag_resident_idx" ON "resident_flag" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "resident_flag_county_idx" ON "resident_flag" USING btree ("county_code","flag");--> statement-breakpoint
CREATE UNIQUE INDEX "service_package_code_unique" ON "service_package" USING btree ("county_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "vaccination_unique" ON "vaccination" USING btree ("county_code","resident_id","vaccine","dose");--> statement-breakpoint
CREATE INDEX "vaccination_date_idx" ON "vaccination" USING btree ("county_code","vaccinated_date");