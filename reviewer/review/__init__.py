"""reviewer/review"""
