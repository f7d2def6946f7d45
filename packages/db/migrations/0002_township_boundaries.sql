CREATE TABLE "township_boundary" (
	"county_code" text PRIMARY KEY NOT NULL,
	"geojson" jsonb NOT NULL,
	"feature_matches" jsonb NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" integer NOT NULL
);
