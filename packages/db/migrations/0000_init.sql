CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"county_code" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "county" (
	"county_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province_name" text NOT NULL,
	"city_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" text PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"plan_id" text NOT NULL,
	"sort_order" integer NOT NULL,
	"seq" text,
	"name" text NOT NULL,
	"domain" text,
	"unit" text,
	"baseline" double precision,
	"baseline_text" text,
	"baseline_year" integer,
	"target_text" text NOT NULL,
	"comparator" text NOT NULL,
	"target_value" double precision,
	"target_year" integer NOT NULL,
	"attribute" text,
	"source" text NOT NULL,
	"line" integer NOT NULL,
	"quote" text NOT NULL,
	"standard_code" text,
	"note" text,
	"definition_type" text DEFAULT 'entered' NOT NULL,
	"computed_source" text,
	"factor" double precision
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source_document" text,
	"note" text,
	"entered_by" integer NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"value_id" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"value" double precision NOT NULL,
	"source_document" text,
	"note" text,
	"reason" text,
	"actor_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"county_code" text,
	"path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" text PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"title" text NOT NULL,
	"seed_file" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" text PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"plan_id" text NOT NULL,
	"sort_order" integer NOT NULL,
	"name" text NOT NULL,
	"column_title" text,
	"content" text NOT NULL,
	"investment_planned" double precision,
	"funding_sources" jsonb NOT NULL,
	"responsible_unit" text,
	"period_text" text,
	"line" integer NOT NULL,
	"note" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress_pct" double precision DEFAULT 0 NOT NULL,
	"investment_to_date" double precision DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestone" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"due_date" text,
	"done_date" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "regional_reference" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"source_document" text
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_role" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"county_code" text
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "indicator_county_idx" ON "indicator" USING btree ("county_code","sort_order");--> statement-breakpoint
CREATE INDEX "indicator_std_idx" ON "indicator" USING btree ("standard_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_value_unique" ON "indicator_value" USING btree ("indicator_id","org_unit_code","year");--> statement-breakpoint
CREATE INDEX "indicator_value_county_idx" ON "indicator_value" USING btree ("county_code","year");--> statement-breakpoint
CREATE INDEX "indicator_value_status_idx" ON "indicator_value" USING btree ("county_code","status");--> statement-breakpoint
CREATE INDEX "indicator_value_history_value_idx" ON "indicator_value_history" USING btree ("value_id");--> statement-breakpoint
CREATE INDEX "org_unit_parent_idx" ON "org_unit" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "org_unit_county_idx" ON "org_unit" USING btree ("county_code","level");--> statement-breakpoint
CREATE INDEX "project_county_idx" ON "project" USING btree ("county_code","sort_order");--> statement-breakpoint
CREATE INDEX "project_milestone_project_idx" ON "project_milestone" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regional_reference_unique" ON "regional_reference" USING btree ("indicator_id","year");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_role_user_idx" ON "user_role" USING btree ("user_id");