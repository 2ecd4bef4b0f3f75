//! YAML-family front-end (tree-sitter-yaml): CloudFormation, Kubernetes and Istio manifests, kubeconfig,
//! docker-compose, GitHub Actions and GitLab CI workflows, Spring application.yml.

use super::LowerError;
use crate::facts::Facts;
use crate::source::SourceFile;

pub fn lower(src: &SourceFile) -> Result<Facts, LowerError> {
    Err(LowerError::unsupported(src.kind))
}
