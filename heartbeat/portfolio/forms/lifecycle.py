"""The form that confirms a stage move: the reason, where the move asks for one."""

from django import forms

from heartbeat.portfolio.rules import Move

REASON_MAX_LENGTH = 2000


class StageMoveForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The reason is recorded in the project's history.",
    )

    def __init__(self, *args, move: Move, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.label = f"Reason to {move.label[0].lower()}{move.label[1:]}"
        if not move.reason_required:
            # Only the moves that ask for a reason show the field.
            del self.fields["reason"]
