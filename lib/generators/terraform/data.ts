import { cite, type ComponentOf } from "../../model";
import { boundedName } from "../naming";
import { output, resource } from "./blocks";
import { tagValue, type TerraformContext, type TerraformSection } from "./context";
import { call, nested, object, ref, type HclBlock, type HclObject } from "./hcl";
import { databaseZone } from "./placement";

/** Parameter group family of an RDS engine version: postgres15, mysql8.0. */
function parameterFamily(database: ComponentOf<"database">): string {
  const [major, minor = "0"] = database.config.engineVersion.split(".");
  return database.config.engine === "postgres" ? `postgres${major}` : `mysql${major}.${minor}`;
}

/**
 * RDS per database (003 "6. PostgreSQL Database"): Multi-AZ standby, automated backups kept for the
 * design's retention, encrypted storage that grows on demand, a password managed in Secrets Manager,
 * TLS enforced by the parameter group, never publicly accessible, protected from deletion.
 */
function databaseBlocks(context: TerraformContext): HclBlock[] {
  return context.managed("database").flatMap((database) => {
    const label = context.label(database);
    const config = database.config;
    const identifier = context.awsName(database, 50);
    const postgres = config.engine === "postgres";
    const blocks: HclBlock[] = [
      resource(
        "aws_db_subnet_group",
        label,
        { name: context.awsName(database, 255), subnet_ids: ref("aws_subnet.private.*.id"), tags: object({ Component: tagValue(database.name, database.id) }) },
        [context.describe(database), context.cite(cite("003", "6. PostgreSQL Database"))],
      ),
      resource(
        "aws_db_parameter_group",
        label,
        {
          name: context.awsName(database, 255),
          family: parameterFamily(database),
          parameter: nested(postgres ? { name: "rds.force_ssl", value: "1" } : { name: "require_secure_transport", value: "ON" }),
        },
        ["Clients must use TLS (002 Encryption: In Transit)."],
      ),
      resource("aws_db_instance", label, {
        identifier,
        engine: config.engine,
        engine_version: config.engineVersion,
        instance_class: config.instanceClass,
        allocated_storage: config.allocatedStorageGb,
        max_allocated_storage: config.allocatedStorageGb * 5,
        storage_type: "gp3",
        storage_encrypted: config.storageEncrypted,
        port: config.port,
        db_name: postgres ? "app" : undefined,
        username: "app_admin",
        manage_master_user_password: true,
        iam_database_authentication_enabled: true,
        multi_az: config.multiAz,
        availability_zone: databaseZone(context.design, database),
        backup_retention_period: config.backupRetentionDays,
        backup_window: "03:00-04:00",
        maintenance_window: "sun:04:30-sun:05:30",
        copy_tags_to_snapshot: true,
        publicly_accessible: false,
        db_subnet_group_name: ref(`aws_db_subnet_group.${label}.name`),
        parameter_group_name: ref(`aws_db_parameter_group.${label}.name`),
        vpc_security_group_ids: [context.securityGroup(database)],
        enabled_cloudwatch_logs_exports: postgres ? ["postgresql", "upgrade"] : ["error", "slowquery"],
        auto_minor_version_upgrade: true,
        deletion_protection: true,
        skip_final_snapshot: false,
        final_snapshot_identifier: `${identifier}-final`,
        tags: object({ Component: tagValue(database.name, database.id) }),
      }),
      ...(config.readReplicas > 0
        ? [
            resource(
              "aws_db_instance",
              context.label(database, "replica"),
              {
                count: config.readReplicas,
                identifier: call("format", `${identifier}-replica-%d`, ref("count.index")),
                replicate_source_db: ref(`aws_db_instance.${label}.identifier`),
                instance_class: config.instanceClass,
                storage_encrypted: config.storageEncrypted,
                publicly_accessible: false,
                vpc_security_group_ids: [context.securityGroup(database)],
                parameter_group_name: ref(`aws_db_parameter_group.${label}.name`),
                auto_minor_version_upgrade: true,
                skip_final_snapshot: true,
              },
              ["Read replicas for read-heavy workloads (003 Database Scaling)."],
            ),
          ]
        : []),
    ];
    return blocks;
  });
}

function redisParameterGroup(cache: ComponentOf<"cache">): string {
  const [major, minor = "0"] = cache.config.engineVersion.split(".");
  const family = Number(major) >= 7 ? `default.redis${major}` : Number(major) === 6 ? "default.redis6.x" : `default.redis${major}.${minor}`;
  return cache.config.shards > 1 ? `${family}.cluster.on` : family;
}

/**
 * ElastiCache per cache (003 "7. Redis Cache"): a replication group with automatic failover across zones,
 * encryption in transit and at rest, daily snapshots; Memcached, which has no replication, as a cluster
 * spread across zones.
 */
function cacheBlocks(context: TerraformContext): HclBlock[] {
  return context.managed("cache").flatMap((cache) => {
    const label = context.label(cache);
    const config = cache.config;
    const subnetGroup = resource(
      "aws_elasticache_subnet_group",
      label,
      { name: context.awsName(cache, 255), subnet_ids: ref("aws_subnet.private.*.id") },
      [context.describe(cache), context.cite(cite("003", "7. Redis Cache"))],
    );
    if (config.engine === "memcached") {
      return [
        subnetGroup,
        resource("aws_elasticache_cluster", label, {
          cluster_id: context.awsName(cache, 40),
          engine: "memcached",
          node_type: config.nodeType,
          num_cache_nodes: config.replicas + 1,
          az_mode: config.replicas > 0 ? "cross-az" : "single-az",
          port: config.port,
          transit_encryption_enabled: config.encryptionInTransit,
          security_group_ids: [context.securityGroup(cache)],
          subnet_group_name: ref(`aws_elasticache_subnet_group.${label}.name`),
          tags: object({ Component: tagValue(cache.name, cache.id) }),
        }),
      ];
    }
    const clusterMode = config.shards > 1;
    const failover = clusterMode || (config.automaticFailover && config.replicas > 0);
    return [
      subnetGroup,
      resource(
        "aws_elasticache_replication_group",
        label,
        {
          replication_group_id: context.awsName(cache, 40),
          description: tagValue(`Cache ${cache.name}`, cache.id),
          engine: "redis",
          engine_version: config.engineVersion,
          node_type: config.nodeType,
          port: config.port,
          parameter_group_name: redisParameterGroup(cache),
          cluster_mode: clusterMode ? "enabled" : "disabled",
          num_node_groups: config.shards,
          replicas_per_node_group: config.replicas,
          automatic_failover_enabled: failover,
          multi_az_enabled: failover && config.replicas > 0,
          at_rest_encryption_enabled: String(config.encryptionAtRest),
          transit_encryption_enabled: config.encryptionInTransit,
          snapshot_retention_limit: 7,
          security_group_ids: [context.securityGroup(cache)],
          subnet_group_name: ref(`aws_elasticache_subnet_group.${label}.name`),
          tags: object({ Component: tagValue(cache.name, cache.id) }),
        },
        clusterMode ? ["Cluster mode always fails over automatically (003 Cache Scaling: shards with replicas)."] : [],
      ),
    ];
  });
}

/**
 * S3 per object store: every public access path blocked, server-side encryption, versioning with old
 * versions expiring (003 "8. Disaster Recovery", "6. Cost Optimization"), TLS-only access, and reads by
 * the CloudFront distributions in front of it through origin access control.
 */
function bucketBlocks(context: TerraformContext): HclBlock[] {
  return context.managed("object-storage").flatMap((bucket) => {
    const label = context.label(bucket);
    const config = bucket.config;
    const bucketRef = ref(`aws_s3_bucket.${label}.id`);
    const statements: HclObject[] = [
      object({
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [ref(`aws_s3_bucket.${label}.arn`), call("format", "%s/*", ref(`aws_s3_bucket.${label}.arn`))],
        Condition: object({ Bool: object({ "aws:SecureTransport": "false" }) }),
      }),
    ];
    const readers = context.ofKind("cdn").filter((cdn) => context.effectiveTargets(cdn).some((target) => target.id === bucket.id));
    for (const cdn of readers) {
      statements.push(
        object({
          Sid: `CloudFrontRead${context.nameOf(cdn).identifier.replace(/_/g, "")}`,
          Effect: "Allow",
          Principal: object({ Service: "cloudfront.amazonaws.com" }),
          Action: "s3:GetObject",
          Resource: call("format", "%s/*", ref(`aws_s3_bucket.${label}.arn`)),
          Condition: object({ StringEquals: object({ "AWS:SourceArn": ref(`aws_cloudfront_distribution.${context.label(cdn)}.arn`) }) }),
        }),
      );
    }
    return [
      resource(
        "aws_s3_bucket",
        label,
        { bucket_prefix: `${boundedName(`${context.project}-${context.nameOf(bucket).base}`, 36)}-`, tags: object({ Component: tagValue(bucket.name, bucket.id) }) },
        [context.describe(bucket), context.cite(cite("003", "8. Disaster Recovery")) + ": versioned, encrypted, private."],
      ),
      resource("aws_s3_bucket_public_access_block", label, {
        bucket: bucketRef,
        block_public_acls: config.blockPublicAccess,
        block_public_policy: config.blockPublicAccess,
        ignore_public_acls: config.blockPublicAccess,
        restrict_public_buckets: config.blockPublicAccess,
      }),
      resource("aws_s3_bucket_ownership_controls", label, { bucket: bucketRef, rule: nested({ object_ownership: "BucketOwnerEnforced" }) }),
      resource("aws_s3_bucket_server_side_encryption_configuration", label, {
        bucket: bucketRef,
        rule: nested({
          bucket_key_enabled: config.encryption === "SSE-KMS",
          apply_server_side_encryption_by_default: nested({ sse_algorithm: config.encryption === "SSE-KMS" ? "aws:kms" : "AES256" }),
        }),
      }),
      resource("aws_s3_bucket_versioning", label, {
        bucket: bucketRef,
        versioning_configuration: nested({ status: config.versioning ? "Enabled" : "Disabled" }),
      }),
      resource("aws_s3_bucket_lifecycle_configuration", label, {
        bucket: bucketRef,
        rule: nested({
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: nested({}),
          noncurrent_version_expiration: nested({ noncurrent_days: config.expireNoncurrentAfterDays }),
          abort_incomplete_multipart_upload: nested({ days_after_initiation: 7 }),
        }),
      }),
      resource("aws_s3_bucket_policy", label, {
        bucket: bucketRef,
        policy: call("jsonencode", object({ Version: "2012-10-17", Statement: statements })),
        depends_on: [ref(`aws_s3_bucket_public_access_block.${label}`)],
      }),
    ];
  });
}

/**
 * NoSQL stores: DynamoDB on demand with point-in-time recovery and encryption; MongoDB as DocumentDB
 * with one instance per replica; Cassandra as an Amazon Keyspaces keyspace (002 DATA LAYER).
 */
function nosqlBlocks(context: TerraformContext): HclBlock[] {
  return context.managed("nosql-database").flatMap((store) => {
    const label = context.label(store);
    const config = store.config;
    const comments = [context.describe(store), context.cite(cite("002", "DATA LAYER"))];
    switch (config.engine) {
      case "dynamodb":
        return [
          resource(
            "aws_dynamodb_table",
            label,
            {
              name: context.awsName(store, 255),
              billing_mode: "PAY_PER_REQUEST",
              hash_key: "pk",
              range_key: "sk",
              attribute: [nested({ name: "pk", type: "S" }), nested({ name: "sk", type: "S" })],
              point_in_time_recovery: nested({ enabled: config.pointInTimeRecovery }),
              server_side_encryption: nested({ enabled: config.encryptionAtRest }),
              deletion_protection_enabled: true,
              tags: object({ Component: tagValue(store.name, store.id) }),
            },
            comments,
          ),
        ];
      case "mongodb": {
        const identifier = context.awsName(store, 50);
        return [
          resource("aws_docdb_subnet_group", label, { name: context.awsName(store, 255), subnet_ids: ref("aws_subnet.private.*.id") }, comments),
          resource("aws_docdb_cluster", label, {
            cluster_identifier: identifier,
            engine: "docdb",
            master_username: "app_admin",
            manage_master_user_password: true,
            port: config.port,
            storage_encrypted: config.encryptionAtRest,
            backup_retention_period: 7,
            preferred_backup_window: "03:00-04:00",
            db_subnet_group_name: ref(`aws_docdb_subnet_group.${label}.name`),
            vpc_security_group_ids: [context.securityGroup(store)],
            enabled_cloudwatch_logs_exports: ["audit", "profiler"],
            deletion_protection: true,
            skip_final_snapshot: false,
            final_snapshot_identifier: `${identifier}-final`,
            tags: object({ Component: tagValue(store.name, store.id) }),
          }),
          resource("aws_docdb_cluster_instance", label, {
            count: config.replicationFactor,
            identifier: call("format", `${identifier}-%d`, ref("count.index")),
            cluster_identifier: ref(`aws_docdb_cluster.${label}.id`),
            instance_class: "db.t3.medium",
          }),
        ];
      }
      case "cassandra":
        return [
          resource(
            "aws_keyspaces_keyspace",
            label,
            { name: `ks_${context.project.replace(/-/g, "_")}_${context.nameOf(store).identifier}`.slice(0, 48), tags: object({ Component: tagValue(store.name, store.id) }) },
            comments,
          ),
        ];
    }
  });
}

export function dataSection(context: TerraformContext): TerraformSection {
  const blocks = [...databaseBlocks(context), ...cacheBlocks(context), ...nosqlBlocks(context), ...bucketBlocks(context)];
  const outputs = [
    ...context
      .managed("database")
      .map((database) => output(`${context.label(database)}_address`, ref(`aws_db_instance.${context.label(database)}.address`), `Host name of ${database.id}`)),
    ...context
      .managed("database")
      .map((database) =>
        output(
          `${context.label(database)}_password_secret_arn`,
          ref(`aws_db_instance.${context.label(database)}.master_user_secret.0.secret_arn`),
          `Secrets Manager secret holding the password of "${database.name}"`,
        ),
      ),
    ...context
      .managed("cache")
      .map((cache) =>
        cache.config.engine === "memcached"
          ? output(`${context.label(cache)}_endpoint`, ref(`aws_elasticache_cluster.${context.label(cache)}.configuration_endpoint`), `Endpoint of "${cache.name}"`)
          : output(
              `${context.label(cache)}_endpoint`,
              ref(`aws_elasticache_replication_group.${context.label(cache)}.${cache.config.shards > 1 ? "configuration_endpoint_address" : "primary_endpoint_address"}`),
              `Endpoint of "${cache.name}"`,
            ),
      ),
    ...context
      .managed("object-storage")
      .map((bucket) => output(`${context.label(bucket)}_bucket`, ref(`aws_s3_bucket.${context.label(bucket)}.id`), `Bucket name of ${bucket.id}`)),
  ];
  return { blocks, outputs };
}
