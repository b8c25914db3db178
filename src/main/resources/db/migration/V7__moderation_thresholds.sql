-- Each model version carries the hold thresholds tuned for it (by cross-validation on the data it was trained on),
-- as six numbers in label order: toxic,severe_toxic,obscene,threat,insult,identity_hate. Null: the defaults tuned
-- for the shipped data, which is what version 1 of every site uses.
alter table moderation_model add column thresholds varchar(200);
