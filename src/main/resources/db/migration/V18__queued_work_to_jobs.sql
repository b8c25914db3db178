-- Work queued in the hand-made queues before the upgrade to the job queue keeps its place (issue 20).

-- Webhook calls still to make, with the attempts they have had; one a node was making is due when its claim lapses.
insert into job (kind, job_key, payload, state, attempts, created_at, due_at)
select 'webhook.deliver', cast(id as varchar(20)), '{"deliveryId":' || cast(id as varchar(20)) || '}', 'pending',
       attempts, created_at,
       coalesce(case when status = 'delivering' then claimed_until end, next_attempt_at, created_at)
from webhook_delivery
where status in ('queued', 'delivering');

-- Reply notifications waiting for their batch's window: one job per recipient's pending batch, due when it closes.
insert into job (kind, job_key, payload, state, attempts, created_at, due_at)
select 'reply-notification.batch', cast(recipient_id as varchar(20)) || '@upgrade',
       '{"recipientId":' || cast(recipient_id as varchar(20)) || '}', 'pending', 0, min(created_at), min(due_at)
from reply_notification
where status = 'pending'
group by recipient_id;

-- Newsletter digests not yet mailed: one job per pending delivery, due now.
insert into job (kind, job_key, payload, state, attempts, created_at, due_at)
select 'newsletter.digest', cast(d.id as varchar(20)), '{"deliveryId":' || cast(d.id as varchar(20)) || '}', 'pending',
       0, i.created_at, i.created_at
from newsletter_delivery d join newsletter_issue i on i.id = d.issue_id
where d.status = 'pending';
