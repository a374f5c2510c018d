CREATE TABLE "user_statuses" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"availability" text DEFAULT 'not_set' NOT NULL,
	"message" text,
	"emoji" text DEFAULT 'speech_balloon' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_statuses_availability_check" CHECK ("user_statuses"."availability" in ('not_set', 'busy')),
	CONSTRAINT "user_statuses_message_length_check" CHECK (char_length("user_statuses"."message") <= 100)
);
--> statement-breakpoint
ALTER TABLE "user_statuses" ADD CONSTRAINT "user_statuses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;