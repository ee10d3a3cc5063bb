"""The code rules of every contract, by contract name (mirrors src/rules/)."""
from typing import Final

from . import browser_automation_receipt, capability_ledger, git_workspace_state, lease, orphan_event_receipt, runtime_install_receipt, signal
from .rule import Rule, RuleFinding

CODE_RULES: Final[dict[str, list[Rule]]] = {
    "BrowserAutomationReceipt": browser_automation_receipt.RULES,
    "CapabilityLedger": capability_ledger.RULES,
    "GitWorkspaceState": git_workspace_state.RULES,
    "Lease": lease.RULES,
    "OrphanEventReceipt": orphan_event_receipt.RULES,
    "RuntimeInstallReceipt": runtime_install_receipt.RULES,
    "Signal": signal.RULES,
}

__all__ = ["CODE_RULES", "Rule", "RuleFinding"]
