CREATE TABLE "alert" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"subject" text NOT NULL,
	"area_code" text NOT NULL,
	"grade" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assignee_id" integer,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verifying_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"investigating_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"emergency_event_id" bigint
);
--> statement-breakpoint
CREATE TABLE "alert_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"alert_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_report" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"card_number" text NOT NULL,
	"resident_id" bigint,
	"patient_name" text NOT NULL,
	"id_type" text,
	"id_number_cipher" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"sex" text NOT NULL,
	"birth_date" date,
	"phone" text,
	"township_code" text NOT NULL,
	"village_code" text,
	"address" text,
	"disease_code" text NOT NULL,
	"classification" text NOT NULL,
	"onset_date" date NOT NULL,
	"diagnosed_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"facility_id" integer NOT NULL,
	"reporting_doctor" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"deleted_reason" text,
	"duplicate_of_id" bigint,
	"source_ref" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_report_revision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"case_report_id" bigint NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"before" jsonb,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detection_result" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"assessed_date" date NOT NULL,
	"subject" text NOT NULL,
	"source" text NOT NULL,
	"area_code" text NOT NULL,
	"method" text NOT NULL,
	"observed" double precision NOT NULL,
	"upperbound" double precision,
	"alarm" boolean NOT NULL,
	"run_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detection_run" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"assessed_date" date NOT NULL,
	"trigger" text NOT NULL,
	"started_by" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"series_count" integer,
	"alarm_count" integer,
	"alert_count" integer
);
--> statement-breakpoint
CREATE TABLE "emergency_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"alert_id" bigint,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"area_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_batch" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"batch_id" text NOT NULL,
	"channel" text NOT NULL,
	"row_count" integer NOT NULL,
	"received_by" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_count" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"site_id" integer NOT NULL,
	"township_code" text NOT NULL,
	"signal_date" date NOT NULL,
	"signal" text NOT NULL,
	"count" integer NOT NULL,
	"batch_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveillance_site" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"township_code" text NOT NULL,
	"village_code" text,
	"facility_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveillance_subject" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text,
	"immediate" boolean DEFAULT false NOT NULL,
	"deadline_hours" integer,
	"detection" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_open_unique" ON "alert" USING btree ("county_code","subject","area_code") WHERE status in ('new', 'verifying', 'confirmed', 'investigating');--> statement-breakpoint
CREATE INDEX "alert_status_idx" ON "alert" USING btree ("county_code","status","raised_at");--> statement-breakpoint
CREATE INDEX "alert_event_alert_idx" ON "alert_event" USING btree ("alert_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_report_card_unique" ON "case_report" USING btree ("county_code","card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "case_report_source_unique" ON "case_report" USING btree ("county_code","source_ref") WHERE source_ref is not null;--> statement-breakpoint
CREATE INDEX "case_report_disease_idx" ON "case_report" USING btree ("county_code","disease_code","onset_date");--> statement-breakpoint
CREATE INDEX "case_report_area_idx" ON "case_report" USING btree ("county_code","township_code","onset_date");--> statement-breakpoint
CREATE INDEX "case_report_patient_idx" ON "case_report" USING btree ("county_code","id_number_hash","disease_code");--> statement-breakpoint
CREATE INDEX "case_report_resident_idx" ON "case_report" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "case_report_revision_card_idx" ON "case_report_revision" USING btree ("case_report_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "detection_result_unique" ON "detection_result" USING btree ("county_code","assessed_date","subject","source","area_code","method");--> statement-breakpoint
CREATE INDEX "detection_result_alarm_idx" ON "detection_result" USING btree ("county_code","assessed_date") WHERE alarm;--> statement-breakpoint
CREATE INDEX "detection_run_date_idx" ON "detection_run" USING btree ("county_code","assessed_date");--> statement-breakpoint
CREATE INDEX "emergency_event_county_idx" ON "emergency_event" USING btree ("county_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_batch_unique" ON "signal_batch" USING btree ("county_code","batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_count_unique" ON "signal_count" USING btree ("county_code","site_id","signal_date","signal");--> statement-breakpoint
CREATE INDEX "signal_count_series_idx" ON "signal_count" USING btree ("county_code","signal","signal_date");--> statement-breakpoint
CREATE UNIQUE INDEX "surveillance_site_code_unique" ON "surveillance_site" USING btree ("county_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "surveillance_subject_unique" ON "surveillance_subject" USING btree ("county_code","code");