use super::*;
use crate::facts::NodeKind;

fn lower_as(kind: FileKind, name: &str, text: &str) -> Facts {
    let src = SourceFile::new(name.into(), name.into(), kind, text.into());
    lower(&src).unwrap()
}

fn entry<'a>(f: &'a Facts, path: &str) -> &'a Entry {
    f.entries
        .iter()
        .find(|e| e.path == path)
        .unwrap_or_else(|| {
            panic!(
                "no entry {path}: {:?}",
                f.entries.iter().map(|e| &e.path).collect::<Vec<_>>()
            )
        })
}

#[test]
fn scalars_are_typed_and_entries_carry_paths() {
    let f = lower_as(
        FileKind::SpringYaml,
        "application.yml",
        "spring:\n  datasource:\n    url: \"jdbc:postgresql://db/app?sslmode=disable\"\n    pool: 10\n  ssl: false\n  name: 'it''s'\n",
    );
    assert_eq!(
        entry(&f, "spring.datasource.url").value,
        Value::Str("jdbc:postgresql://db/app?sslmode=disable".into())
    );
    assert_eq!(entry(&f, "spring.datasource.pool").value, Value::Int(10));
    assert_eq!(entry(&f, "spring.ssl").value, Value::Bool(false));
    assert_eq!(entry(&f, "spring.name").value, Value::Str("it's".into()));
    let e = entry(&f, "spring.ssl");
    assert_eq!(&"spring:\n  datasource:\n    url: \"jdbc:postgresql://db/app?sslmode=disable\"\n    pool: 10\n  ssl: false\n"[e.span.start..e.span.end], "ssl: false");
}

#[test]
fn anchors_aliases_and_merge_keys_resolve() {
    let f = lower_as(
        FileKind::Compose,
        "docker-compose.yml",
        "x-env: &env\n  NODE_TLS_REJECT_UNAUTHORIZED: \"0\"\nservices:\n  api:\n    image: a\n    environment:\n      <<: *env\n      B: two\n",
    );
    let names: Vec<_> = f
        .envs
        .iter()
        .map(|e| (e.name.as_str(), e.value.clone()))
        .collect();
    assert!(
        names.contains(&("NODE_TLS_REJECT_UNAUTHORIZED", Value::Str("0".into()))),
        "{names:?}"
    );
    assert!(names.contains(&("B", Value::Str("two".into()))));
}

#[test]
fn compose_list_environment() {
    let f = lower_as(
        FileKind::Compose,
        "docker-compose.yml",
        "services:\n  api:\n    image: a\n    environment:\n      - PYTHONHTTPSVERIFY=0\n      - LONE\n",
    );
    assert_eq!(f.envs[0].name, "PYTHONHTTPSVERIFY");
    assert_eq!(f.envs[0].value, Value::Str("0".into()));
    assert_eq!(f.envs[1].value, Value::Unknown);
}

#[test]
fn cloudformation_yaml_tags_and_parameters() {
    let text = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Enc:\n    Type: String\n    Default: 'false'\n  Key:\n    Type: String\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref Enc\n      KmsKeyId: !Ref Key\n      Name: !Sub '${AWS::StackName}-db'\n      Arn: !GetAtt Other.Arn\n      Flag: !If [IsProd, true, false]\n";
    let f = lower_as(FileKind::CloudFormation, "t.yaml", text);
    let r = &f.resources[0];
    assert_eq!(r.kind, "AWS::RDS::DBInstance");
    assert_eq!(r.name, "Db");
    assert_eq!(&text[r.header.start..r.header.end], "Db");
    let enc = r.body.get("StorageEncrypted").unwrap();
    assert_eq!(enc.scalar(), Some(&Value::Str("false".into())));
    assert_eq!(&text[enc.span.start..enc.span.end], "!Ref Enc");
    assert!(r.body.get("KmsKeyId").unwrap().get("Ref").is_some());
    assert_eq!(
        r.body.get("Name").unwrap().scalar(),
        Some(&Value::Partial("\u{FFFD}-db".into()))
    );
    let ifs = r.body.path("Flag.Fn::If").unwrap();
    assert!(matches!(&ifs.kind, NodeKind::List(items) if items.len() == 3));
    assert_eq!(
        entry(&f, "Resources.Db.Properties.StorageEncrypted").value,
        Value::Str("false".into())
    );
}

#[test]
fn cloudformation_json_is_read_as_flow_yaml() {
    let text = "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Vol\": {\n      \"Type\": \"AWS::EC2::Volume\",\n      \"Properties\": { \"Encrypted\": false, \"Size\": 10, \"Tags\": [{\"Key\": \"a\"}] }\n    }\n  }\n}\n";
    let f = lower_as(FileKind::CloudFormation, "t.json", text);
    assert!(f.recovered_errors.is_empty());
    let r = &f.resources[0];
    assert_eq!(r.kind, "AWS::EC2::Volume");
    assert_eq!(&text[r.header.start..r.header.end], "\"Vol\"");
    assert_eq!(
        r.body.get("Encrypted").unwrap().scalar(),
        Some(&Value::Bool(false))
    );
    assert_eq!(r.body.get("Size").unwrap().scalar(), Some(&Value::Int(10)));
}

#[test]
fn kubernetes_documents_containers_env_and_commands() {
    let text = "apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata:\n  name: default\nspec:\n  mtls:\n    mode: PERMISSIVE\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n    - name: api\n      image: registry.k8s.io/kube-apiserver:v1.30.0\n      command:\n        - kube-apiserver\n        - --tls-min-version=VersionTLS10\n      env:\n        - name: NODE_TLS_REJECT_UNAUTHORIZED\n          value: \"0\"\n";
    let f = lower_as(FileKind::Kubernetes, "m.yaml", text);
    let kinds: Vec<_> = f.resources.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["security.istio.io/PeerAuthentication", "Pod"]);
    assert_eq!(
        entry(&f, "spec.mtls.mode").value,
        Value::Str("PERMISSIVE".into())
    );
    assert_eq!(f.commands[0].program, "kube-apiserver");
    assert_eq!(f.commands[0].args[0].text, "--tls-min-version=VersionTLS10");
    assert_eq!(f.envs[0].name, "NODE_TLS_REJECT_UNAUTHORIZED");
    assert_eq!(f.envs[0].value, Value::Str("0".into()));
}

#[test]
fn args_without_command_run_the_image_entrypoint() {
    let f = lower_as(
        FileKind::Kubernetes,
        "p.yaml",
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: registry.k8s.io/kube-apiserver:v1.30.0\n      args: [\"--secure-port=6443\"]\n",
    );
    assert_eq!(f.commands[0].program, "kube-apiserver");
    assert_eq!(f.commands[0].args.len(), 1);
}

#[test]
fn helm_templates_that_do_not_parse_are_skipped() {
    let src = SourceFile::new(
        "t.yaml".into(),
        "t.yaml".into(),
        FileKind::Kubernetes,
        "apiVersion: v1\nkind: Pod\n{{- if .Values.x }}\nspec: {{ .Values.spec | toYaml }}\n  - a\n{{- end }}\n".into(),
    );
    let err = lower(&src).unwrap_err();
    assert!(
        err.skip && err.message.starts_with("helm template"),
        "{err:?}"
    );
}

#[test]
fn block_scalars_keep_lines() {
    assert_eq!(block_scalar("|\n  a\n  b\n"), "a\nb\n");
    assert_eq!(block_scalar("|-\n  a\n  b\n"), "a\nb");
    assert_eq!(block_scalar(">\n  a\n  b\n"), "a b\n");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let src = SourceFile::new(
        "d.yml".into(),
        "d.yml".into(),
        FileKind::Kubernetes,
        format!("a: {deep}\n"),
    );
    let _ = lower(&src);
}

#[test]
fn alias_bombs_stop_at_the_budget() {
    let mut text =
        String::from("apiVersion: v1\nkind: ConfigMap\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for n in "bcdefghijk".chars() {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        text.push_str(&format!("{n}: &{n} [{refs}]\n"));
        prev = n;
    }
    let f = lower_as(FileKind::Kubernetes, "bomb.yaml", &text);
    assert!(f.entries.len() < 2 * ALIAS_BUDGET);
}

#[test]
fn documents_are_parsed_one_at_a_time() {
    let text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  A: [unclosed\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  NODE_TLS_REJECT_UNAUTHORIZED: \"0\"\n";
    let f = lower_as(FileKind::Kubernetes, "two.yaml", text);
    assert!(!f.recovered_errors.is_empty());
    let e = f
        .envs
        .iter()
        .find(|e| e.name == "NODE_TLS_REJECT_UNAUTHORIZED")
        .unwrap();
    assert_eq!(
        &text[e.span.start..e.span.end],
        "NODE_TLS_REJECT_UNAUTHORIZED: \"0\""
    );
    assert!(f
        .recovered_errors
        .iter()
        .all(|s| s.start < text.find("---").unwrap()));
}

#[test]
fn long_streams_stay_valid() {
    let doc = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  LOG: info\n";
    let text = vec![doc; 3000].join("---\n");
    let f = lower_as(FileKind::Kubernetes, "many.yaml", &text);
    assert!(f.recovered_errors.is_empty());
    assert_eq!(f.resources.len(), 3000);
}

#[test]
fn chunks_split_at_document_markers_only() {
    let text = "a: 1\n--- \nb: '---'\n---\nc: |\n  ---x\n";
    let parts: Vec<_> = chunks(text).into_iter().map(|(_, t)| t).collect();
    assert_eq!(parts, ["a: 1\n", "--- \nb: '---'\n", "---\nc: |\n  ---x\n"]);
}

fn call<'a>(f: &'a Facts, callee: &str) -> &'a crate::facts::Call {
    f.calls
        .iter()
        .find(|c| c.callee == callee)
        .unwrap_or_else(|| {
            panic!(
                "no call {callee}: {:?}",
                f.calls.iter().map(|c| &c.callee).collect::<Vec<_>>()
            )
        })
}

fn arg(c: &crate::facts::Call, name: &str) -> Value {
    c.arg(Some(name), None)
        .map(|a| a.value)
        .unwrap_or_else(|| panic!("no argument {name} in {}", c.callee))
}

#[test]
fn ansible_tasks_are_calls_of_qualified_modules() {
    let text = "- hosts: all\n  vars:\n    verify: false\n    base: http://mirror.example.com\n  tasks:\n    - get_url:\n        url: \"{{ base }}/a.tgz\"\n        validate_certs: \"{{ verify }}\"\n    - name: free form\n      uri: url=https://x.example.com method=GET\n    - postgresql_db:\n        name: app\n    - block:\n        - community.crypto.openssl_privatekey:\n            size: \"{{ bits | default(1024) }}\"\n";
    let f = lower_as(FileKind::Ansible, "site.yml", text);
    let get = call(&f, "ansible.builtin.get_url");
    assert_eq!(arg(get, "validate_certs"), Value::Bool(false));
    assert_eq!(
        arg(get, "url"),
        Value::Str("http://mirror.example.com/a.tgz".into())
    );
    let uri = call(&f, "ansible.builtin.uri");
    assert_eq!(arg(uri, "method"), Value::Str("GET".into()));
    let span = uri.arg(Some("url"), None).unwrap().arg.span;
    assert_eq!(&text[span.start..span.end], "url=https://x.example.com");
    call(&f, "community.postgresql.postgresql_db");
    let key = call(&f, "community.crypto.openssl_privatekey");
    assert_eq!(arg(key, "size"), Value::Int(1024));
}

#[test]
fn ansible_unknown_variables_stay_unknown() {
    let text = "- hosts: all\n  tasks:\n    - uri:\n        url: \"https://{{ host }}/x\"\n        validate_certs: \"{{ verify }}\"\n        timeout: \"{{ t | int }}\"\n";
    let f = lower_as(FileKind::Ansible, "site.yml", text);
    let uri = call(&f, "ansible.builtin.uri");
    assert_eq!(arg(uri, "validate_certs"), Value::Unknown);
    assert_eq!(arg(uri, "timeout"), Value::Unknown);
    assert!(matches!(arg(uri, "url"), Value::Partial(_)));
}

#[test]
fn ansible_environment_and_commands() {
    let text = "- hosts: all\n  vars:\n    proxy_env:\n      GIT_SSL_NO_VERIFY: true\n  environment: \"{{ proxy_env }}\"\n  tasks:\n    - shell: curl -k https://x.example.com\n    - command:\n        argv: [wget, --no-check-certificate, https://x.example.com]\n";
    let f = lower_as(FileKind::Ansible, "site.yml", text);
    assert_eq!(f.envs[0].name, "GIT_SSL_NO_VERIFY");
    assert_eq!(f.envs[0].value, Value::Str("True".into()));
    let programs: Vec<&str> = f.commands.iter().map(|c| c.program.as_str()).collect();
    assert_eq!(programs, ["curl", "wget"]);
    let curl = &f.commands[0];
    assert_eq!(&text[curl.args[0].span.start..curl.args[0].span.end], "-k");
}
