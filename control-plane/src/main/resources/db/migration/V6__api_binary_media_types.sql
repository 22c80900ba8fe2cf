-- Content types an API treats as binary (the cloud gateway's x-amazon-apigateway-binary-media-types),
-- kept so that an imported definition exports again without loss. A JSON array as text: the reactive
-- client's jsonb mapping only carries JSON objects.
alter table api add column binary_media_types text not null default '[]';
